/*
 * kb_parts_count: counts a character in a string, for kb_parts_main.c.
 */
#include "kb_parts.h"

/* How many times c occurs in s. */
int kb_parts_count(const char *s, char c)
{
	int n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}
