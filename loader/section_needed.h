/*
 * Which sections of a module object insmod reads: loader/elf.c's rule
 * (modelf_section_needed) restated for insmod's one pass over the section
 * table (loader/insmod.c, read_sections), where each section is decided
 * before anything but the header, the table and the names has been read.
 * Restated so that most sections are decided by their type and flags
 * alone: a name is looked at only for an unallocated PROGBITS section
 * (debug information, .comment, or a part), and a relocation section
 * takes its target's answer, already known when the target comes first in
 * the table (as ld lays them out).
 *
 * The answer must stay exactly modelf_section_needed's: the checks read
 * only what that function calls needed, so a section insmod left unread
 * by mistake would be judged from uninitialised bytes.
 * tests/host/test_section_needed.c compares the two on every section of
 * every sample module, every damaged object of make badko, and made-up
 * tables. Change both or neither.
 */
#ifndef LOADER_SECTION_NEEDED_H
#define LOADER_SECTION_NEEDED_H

#include "loader/elf.h"
#ifdef HOST_TEST
#include <string.h>
#else
#include "lib/string.h"
#endif
#include <stdint.h>

/* The names' size for section_unread: cut back to just past their last
 * NUL (0 if they have none). A name starting before that ends inside the
 * names; one starting after it has no NUL before their end, and elf.c
 * calls such a section needed, as it does one whose name starts past the
 * end: so with the size cut, "sh_name < size" says "the name ends". ld's
 * names end in a NUL: nothing is cut. */
static inline uint32_t section_names_size(const char *shstr, uint32_t size)
{
	while (size && shstr[size - 1] != '\0')
		size--;
	return size;
}

/* Section s holds bytes no loader reads: unallocated PROGBITS with a name
 * that ends inside the names (shstr, size bytes, size cut by
 * section_names_size; NULL and 0 when they could not be read) and is not
 * a part's (.module, .module.bss, .module.init: a part's bytes are read
 * whatever its flags say). */
static inline int section_unread(const Elf32_Shdr *s, const char *shstr,
				 uint32_t size)
{
	const char *n = shstr + s->sh_name;

	if (s->sh_type != SHT_PROGBITS || (s->sh_flags & SHF_ALLOC) ||
	    s->sh_name >= size)
		return 0;
	/* every part's name starts ".m" (".debug_info" is decided here) */
	if (n[0] != '.' || n[1] != 'm')
		return 1;
	return strcmp(n, ".module") && strcmp(n, ".module.bss") &&
	       strcmp(n, ".module.init");
}

/* modelf_section_needed(sh, shnum, shstr, size, i) (size before the
 * cut), restated: section i
 * is needed unless it is unread (above), or it is a relocation section
 * (REL or RELA) whose target (sh_info, inside the table and not i) is
 * unread. Asked for i = 1, 2, ... shnum - 1 in turn, it keeps each
 * answer in unread[i] (unread[0] is 0: the null section is needed), so a
 * relocation section whose target comes before it looks the target's
 * answer up; a later target is decided by its own header and name. */
static inline int section_needed(const Elf32_Shdr *sh, uint32_t shnum,
				 const char *shstr, uint32_t size, uint32_t i,
				 uint8_t unread[])
{
	const Elf32_Shdr *s = &sh[i];
	uint32_t t = s->sh_info;

	unread[i] = 0;
	if (s->sh_type == SHT_PROGBITS)
		return !(unread[i] = section_unread(s, shstr, size));
	if (s->sh_type != SHT_REL && s->sh_type != SHT_RELA)
		return 1;
	if (t < i)		/* t == 0 included: unread[0] is 0 */
		return !unread[t];
	/* t == i needs no test of its own: section i is a relocation
	 * section, never unread */
	return t >= shnum || !section_unread(&sh[t], shstr, size);
}

#endif
