/* tiny04: one of the twenty small modules of tests/pack/tiny.h, with 228 bytes of data. */
#define TINY_PAD 228
#include "tiny.h"
