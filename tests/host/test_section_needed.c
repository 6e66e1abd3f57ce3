/*
 * Host tests of insmod's choice of the sections to read
 * (loader/section_needed.h, used by loader/insmod.c's read_sections): its
 * restatement of modelf_section_needed (loader/elf.c), asked for every
 * section in table order as insmod asks it, must give that function's
 * answer for every section of every sample module (build/modules/NAME.ko),
 * every damaged object of make badko (build/badko/named/, set/), and many
 * made-up section tables (names that end or do not, out of range,
 * relocation targets before and after, themselves, outside the table).
 * Only the equality is tested here; what modelf_section_needed leaves
 * unread is test_elf's section_needed_skips_debug_information_only.
 */
// sources: loader/elf.c loader/reloc.c tools/hostfile.c build/modules/hello.ko
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include "loader/section_needed.h"
#include "tools/hostfile.h"
#include "tests/host/ktest.h"

/* Asks both, for i = 1 .. shnum - 1 in order; returns how many answers
 * differ (and prints the first). */
static int compare(const char *what, const Elf32_Shdr *sh, uint32_t shnum,
		   const char *shstr, uint32_t size)
{
	uint8_t unread[MODELF_MAX_SECTIONS];
	int bad = 0;

	uint32_t cut = section_names_size(shstr, size);

	unread[0] = 0;
	for (uint32_t i = 1; i < shnum; i++) {
		int mine = section_needed(sh, shnum, shstr, cut, i, unread);
		int elf = modelf_section_needed(sh, shnum, shstr, size, i);

		if (mine != elf && !bad++)
			printf("    # %s: section %u: insmod %d, elf.c %d\n",
			       what, i, mine, elf);
	}
	return bad;
}

/* The section table and names of a file as read_sections finds them
 * (the table where the header says and inside the file; the names only
 * if e_shstrndx is a STRTAB inside the file), both asked about each
 * section. Returns 0 if the file has no table read_sections would use,
 * 1 if every answer agreed, -1 if one did not; *needed counts sections
 * needed, *unread the others. */
static int compare_file(const char *path, uint32_t *needed, uint32_t *unread)
{
	size_t len;
	uint8_t *f = host_read_file(path, &len);
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)f;
	const Elf32_Shdr *sh;
	uint32_t shnum, x, table, size = 0;
	const char *shstr = NULL;
	int ret = 0;

	if (!f || len < sizeof(Elf32_Ehdr))
		goto out;
	shnum = eh->e_shnum, x = eh->e_shstrndx, table = eh->e_shoff;
	if (eh->e_shentsize != sizeof(Elf32_Shdr) || !shnum ||
	    shnum > MODELF_MAX_SECTIONS || table % 4 || table > len ||
	    shnum * sizeof(Elf32_Shdr) > len - table)
		goto out;
	sh = (const Elf32_Shdr *)(f + table);
	if (x && x < shnum && sh[x].sh_type == SHT_STRTAB &&
	    sh[x].sh_offset <= len && sh[x].sh_size <= len - sh[x].sh_offset)
		shstr = (const char *)f + sh[x].sh_offset, size = sh[x].sh_size;
	ret = compare(path, sh, shnum, shstr, size) ? -1 : 1;
	for (uint32_t i = 1; i < shnum; i++)
		if (modelf_section_needed(sh, shnum, shstr, size, i))
			++*needed;
		else
			++*unread;
out:
	free(f);
	return ret;
}

/* Every regular file of dir (only NAME.ko if ko_only); returns how many
 * had a table to compare, or -1 if an answer differed. */
static long compare_dir(const char *dir, int ko_only, uint32_t *needed,
			uint32_t *unread)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	long count = 0, bad = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		size_t n = strlen(e->d_name);
		int r;

		if (e->d_name[0] == '.' || (ko_only && (n < 4 || strcmp(e->d_name + n - 3, ".ko"))))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		r = compare_file(path, needed, unread);
		count += r != 0;
		bad |= r < 0;
	}
	closedir(d);
	return bad ? -1 : count;
}

KTEST(same_answer_on_every_sample_module)
{
	uint32_t needed = 0, unread = 0;
	long n = compare_dir("build/modules", 1, &needed, &unread);

	printf("    # %ld modules: %u sections needed, %u unread\n", n, needed, unread);
	KT_EXPECT(n >= 10);
	KT_EXPECT(unread > 0);	/* debug information was there to skip */
}

KTEST(same_answer_on_every_damaged_object)
{
	uint32_t needed = 0, unread = 0;
	long named = compare_dir("build/badko/named", 0, &needed, &unread);
	long set = compare_dir("build/badko/set", 0, &needed, &unread);

	printf("    # %ld named, %ld in the set (make badko): %u needed, %u unread\n",
	       named, set, needed, unread);
	KT_EXPECT(named >= 10);
	KT_EXPECT(set >= 10);
}

/* Names for made-up tables: the parts, names that are almost parts,
 * debug-like names; the last one may be left without its NUL. */
static const char names[] =
	"\0.module\0.module.bss\0.module.init\0.modul\0.modulex\0.module.\0"
	".module.bs\0.module.bssx\0.module.ini\0.module.initx\0.m\0.\0m\0"
	".debug_info\0.comment\0.rel.module\0.rel.debug_line\0.module";

static uint32_t rnd_state = 12345;
static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state % n;
}

KTEST(same_answer_on_made_up_tables)
{
	static const uint32_t types[] = {
		0 /* SHT_NULL */, SHT_PROGBITS, SHT_SYMTAB, SHT_STRTAB, SHT_RELA,
		SHT_NOBITS, SHT_REL, 0x70000000,
	};
	uint32_t starts[64], nstarts = 0, total = sizeof(names) - 1;
	Elf32_Shdr sh[40];
	char buf[sizeof(names)];
	int bad = 0;

	for (uint32_t k = 0; k < total; k++)
		if (k == 0 || names[k - 1] == '\0')
			starts[nstarts++] = k;
	for (int round = 0; round < 50000; round++) {
		uint32_t shnum = 1 + rnd(40), size;
		const char *shstr = buf;

		memset(sh, 0, sizeof(sh));
		for (uint32_t i = 1; i < shnum; i++) {
			sh[i].sh_type = types[rnd(8)];
			sh[i].sh_flags = rnd(4) ? 0 : rnd(2) ? SHF_ALLOC : SHF_ALLOC | 1;
			sh[i].sh_name = rnd(10) ? starts[rnd(nstarts)] : rnd(2 * total);
			sh[i].sh_info = rnd(4) ? rnd(shnum + 2) : rnd(3) ? 0 : i;
		}
		/* the names whole (ending in a NUL), cut inside the last
		 * name (it has none), cut anywhere, or not read at all */
		switch (rnd(4)) {
		case 0: size = sizeof(names); break;
		case 1: size = total; break;
		case 2: size = 1 + rnd(total); break;
		default: size = 0, shstr = NULL; break;
		}
		memcpy(buf, names, sizeof(names));
		if (compare("made up", sh, shnum, shstr, size))
			bad++;
	}
	KT_EXPECT(bad == 0);
}

int main(void)
{
	return ktest_main();
}
