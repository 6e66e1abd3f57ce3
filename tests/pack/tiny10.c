/* tiny10: one of the twenty small modules of tests/pack/tiny.h, with 546 bytes of data. */
#define TINY_PAD 546
#include "tiny.h"
