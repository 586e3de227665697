/* Stands for libcupti.so.12: only its SONAME matters to the loader. */
int cuptiGetVersion(unsigned *version) { *version = 18; return 0; }
