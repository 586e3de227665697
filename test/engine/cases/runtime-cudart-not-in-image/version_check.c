/* Prints the CUDA runtime version: needs libcudart at load time, no GPU to run. */
#include <stdio.h>
#include <cuda_runtime_api.h>

int main(void) {
    int version = 0;
    cudaRuntimeGetVersion(&version);
    printf("CUDA runtime %d\n", version);
    return 0;
}
