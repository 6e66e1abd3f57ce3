/*
 * edge4081: an image (core + init) of exactly 4081 bytes, one more
 * than modalloc=pack packs: page-placed (tests/pack/edge.h).
 */
#define EDGE_CORE 3604
#define EDGE_INIT 81
#include "edge.h"
