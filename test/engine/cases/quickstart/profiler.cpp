#include <cupti.h>

int kineto_probe_cupti_enabled() {
#ifdef LIBKINETO_NOCUPTI
  return 0;
#else
  return CUPTI_API_VERSION;
#endif
}
