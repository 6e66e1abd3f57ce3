/* tiny09: one of the twenty small modules of tests/pack/tiny.h, with 493 bytes of data. */
#define TINY_PAD 493
#include "tiny.h"
