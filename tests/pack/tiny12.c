/* tiny12: one of the twenty small modules of tests/pack/tiny.h, with 652 bytes of data. */
#define TINY_PAD 652
#include "tiny.h"
