#include <cstdio>
#include <cuda_runtime.h>
int main() {
  int n = 0;
  cudaError_t e = cudaGetDeviceCount(&n);
  if (e != cudaSuccess) {
    printf("cudaGetDeviceCount returned %d\n-> %s\n", (int)e, cudaGetErrorString(e));
    return 1;
  }
  printf("%d CUDA devices\n", n);
  return 0;
}
