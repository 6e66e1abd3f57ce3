/* tiny19: one of the twenty small modules of tests/pack/tiny.h, with 323 bytes of data. */
#define TINY_PAD 323
#include "tiny.h"
