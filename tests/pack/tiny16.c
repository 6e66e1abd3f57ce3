/* tiny16: one of the twenty small modules of tests/pack/tiny.h, with 164 bytes of data. */
#define TINY_PAD 164
#include "tiny.h"
