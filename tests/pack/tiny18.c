/* tiny18: one of the twenty small modules of tests/pack/tiny.h, with 270 bytes of data. */
#define TINY_PAD 270
#include "tiny.h"
