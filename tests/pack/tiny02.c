/* tiny02: one of the twenty small modules of tests/pack/tiny.h, with 122 bytes of data. */
#define TINY_PAD 122
#include "tiny.h"
