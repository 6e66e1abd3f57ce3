/* kb_parts.h: what the three files of kb_parts share. */
#ifndef KB_PARTS_H
#define KB_PARTS_H

int kb_parts_count(const char *s, char c);
const char *kb_parts_name(void);

#endif
