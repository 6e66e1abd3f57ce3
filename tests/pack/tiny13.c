/* tiny13: one of the twenty small modules of tests/pack/tiny.h, with 705 bytes of data. */
#define TINY_PAD 705
#include "tiny.h"
