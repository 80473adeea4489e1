// glibc's malloc.h, for malloc_trim: Swift's Glibc module leaves that header out.
#include <malloc.h>
