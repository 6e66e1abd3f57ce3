/* tiny14: one of the twenty small modules of tests/pack/tiny.h, with 58 bytes of data. */
#define TINY_PAD 58
#include "tiny.h"
