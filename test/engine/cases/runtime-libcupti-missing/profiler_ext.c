/* Stands for an extension module built against CUPTI (torch's _C, kineto): it needs libcupti.so.12. */
int cuptiGetVersion(unsigned *version);
int profiler_cupti_version(void) { unsigned v = 0; cuptiGetVersion(&v); return (int)v; }
