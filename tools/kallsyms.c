/*
 * kallsyms: turns `nm -n -S` of the first kernel link into the assembly
 * of the kernel's symbol table (build/kallsyms.S), linked into the second
 * link as section .kallsyms (kernel/symbols.c reads it):
 *
 *   i686-linux-gnu-nm -n -S tessera.tmp.elf | kallsyms > kallsyms.S
 *   kallsyms < /dev/null > kallsyms0.S        the empty table, first link
 *
 * Kept: functions (nm types T t W w) and sized objects (D d R r B b) at or
 * above KERNEL_BASE, sorted by address as nm -n gives them. A function
 * without a size (assembly labels: isr stubs, higher_half) gets the
 * distance to the next kept symbol. Linker-script markers (unsized names
 * starting with '_'), absolute symbols and the table's own kallsyms_*
 * symbols are left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KERNEL_BASE 0xC0000000ul
#define MAX_NAME 128

struct sym {
	unsigned long addr, size;
	int sized;
	char type;
	char name[MAX_NAME];
};

static struct sym *syms;
static size_t nsyms, cap;

static int is_func(char t) { return strchr("TtWw", t) != NULL; }
static int is_object(char t) { return strchr("DdRrBb", t) != NULL; }

/* Parses "ADDR [SIZE] TYPE NAME"; returns 1 for a symbol to keep. */
static int parse(const char *line, struct sym *s)
{
	char a[32], b[32], c[MAX_NAME + 8], d[MAX_NAME + 8];
	int n = sscanf(line, "%31s %31s %135s %135s", a, b, c, d);

	memset(s, 0, sizeof(*s));
	if (n == 4 && strlen(c) == 1 && strlen(d) < MAX_NAME) {
		s->size = strtoul(b, NULL, 16);
		s->sized = 1;
		s->type = c[0];
		strcpy(s->name, d);
	} else if (n == 3 && strlen(b) == 1 && strlen(c) < MAX_NAME) {
		s->type = b[0];
		strcpy(s->name, c);
	} else {
		return 0;
	}
	s->addr = strtoul(a, NULL, 16);
	if (s->addr < KERNEL_BASE || !strncmp(s->name, "kallsyms_", 9))
		return 0;
	if (!s->sized && (s->name[0] == '_' || !is_func(s->type)))
		return 0;
	return is_func(s->type) || is_object(s->type);
}

static void add(const struct sym *s)
{
	if (nsyms == cap) {
		cap = cap ? cap * 2 : 1024;
		syms = realloc(syms, cap * sizeof(*syms));
		if (!syms) {
			fprintf(stderr, "kallsyms: out of memory\n");
			exit(1);
		}
	}
	syms[nsyms++] = *s;
}

/* Unsized functions end where the next symbol at a higher address starts. */
static void fill_sizes(void)
{
	for (size_t i = 0; i < nsyms; i++) {
		size_t j = i + 1;

		if (syms[i].sized)
			continue;
		while (j < nsyms && syms[j].addr == syms[i].addr)
			j++;
		syms[i].size = j < nsyms ? syms[j].addr - syms[i].addr : 0;
	}
}

static void emit(void)
{
	size_t kept = 0;

	printf("/* The kernel's symbol table, made by tools/kallsyms from nm -n -S of\n"
	       " * the first kernel link. Do not edit. Read by kernel/symbols.c. */\n"
	       "\t.section .kallsyms, \"a\"\n\t.align 4\n"
	       "\t.globl kallsyms_table\nkallsyms_table:\n");
	for (size_t i = 0; i < nsyms; i++) {
		if (!syms[i].size)
			continue;
		printf("\t.long 0x%08lx, 0x%lx, .Lname%zu\n", syms[i].addr,
		       syms[i].size, i);
		kept++;
	}
	printf("\t.globl kallsyms_num\nkallsyms_num:\n\t.long %zu\n", kept);
	for (size_t i = 0; i < nsyms; i++)
		if (syms[i].size)
			printf(".Lname%zu:\t.asciz \"%c%s\"\n", i, syms[i].type,
			       syms[i].name);
	printf("\t.section .note.GNU-stack, \"\", @progbits\n");
}

int main(void)
{
	char line[512];
	struct sym s;

	while (fgets(line, sizeof(line), stdin))
		if (parse(line, &s))
			add(&s);
	fill_sizes();
	emit();
	free(syms);
	return 0;
}
