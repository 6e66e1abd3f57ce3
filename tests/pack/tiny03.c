/* tiny03: one of the twenty small modules of tests/pack/tiny.h, with 175 bytes of data. */
#define TINY_PAD 175
#include "tiny.h"
