/* tiny07: one of the twenty small modules of tests/pack/tiny.h, with 387 bytes of data. */
#define TINY_PAD 387
#include "tiny.h"
