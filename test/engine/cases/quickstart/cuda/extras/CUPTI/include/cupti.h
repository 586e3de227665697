/* Stands for the CUPTI header a CUDA devel image ships without libcupti.so. */
#ifndef CUPTI_H
#define CUPTI_H
#define CUPTI_API_VERSION 18
typedef int CUptiResult;
#endif
