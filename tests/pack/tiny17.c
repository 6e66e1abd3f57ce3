/* tiny17: one of the twenty small modules of tests/pack/tiny.h, with 217 bytes of data. */
#define TINY_PAD 217
#include "tiny.h"
