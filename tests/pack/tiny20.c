/* tiny20: one of the twenty small modules of tests/pack/tiny.h, with 376 bytes of data. */
#define TINY_PAD 376
#include "tiny.h"
