/* Stands for an extension module built against CUPTI (torch's _C, kineto): linked with -lcupti, it needs libcupti.so.13 at load time. */
#include <cupti.h>

int profiler_cupti_version(void) {
  uint32_t v = 0;
  return cuptiGetVersion(&v) == CUPTI_SUCCESS ? (int)v : -1;
}
