/* tiny05: one of the twenty small modules of tests/pack/tiny.h, with 281 bytes of data. */
#define TINY_PAD 281
#include "tiny.h"
