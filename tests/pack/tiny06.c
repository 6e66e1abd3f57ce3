/* tiny06: one of the twenty small modules of tests/pack/tiny.h, with 334 bytes of data. */
#define TINY_PAD 334
#include "tiny.h"
