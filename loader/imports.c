/*
 * A module's imports: the lookup, the checks and the resolver that insmod
 * and modreloc share (API in loader/imports.h), so an image made by hand
 * is resolved exactly as insmod resolves it.
 */
#include "loader/imports.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/errno.h>

int imports_look_up(const char *cmd, const struct modelf *m, struct ksym_table *syms)
{
	return imports_look_up_on(cmd, m, syms, NULL, -1);
}

int imports_look_up_on(const char *cmd, const struct modelf *m, struct ksym_table *syms,
		       const char *control, int fd)
{
	uint32_t n = 0, crc, most = m->nsym + m->hdr.num_versions;
	const char *small[64];	/* names of a small module: no memory */
	const char **names = most <= 64 ? small : tool_alloc(most * sizeof(char *));
	int err = -ENOMEM;

	/* the imports in symbol order, then the versions in theirs:
	 * imports_check reads the answers back in this order. An import is
	 * global or weak (modelf_parse refuses an undefined local), so the
	 * walk starts at the first global. */
	if (names) {
		for (const Elf32_Sym *s = m->sym + m->first_global, *end = m->sym + m->nsym;
		     s < end; s++)
			if (s->st_shndx == SHN_UNDEF)
				names[n++] = modelf_sym_name(m, s - m->sym);
		for (uint32_t i = 0; i < m->hdr.num_versions; i++)
			modelf_version(m, i, &crc, &names[n++]);
		err = ksym_table_lookup(syms, control ? fd : -1, names, n);
	}
	if (names != small)
		tool_free(names);
	if (err)
		out_printf(2, "%s: %s: cannot look the kernel's symbols up in %s: %s\n",
			   cmd, m->hdr.name, control ? control : "/proc/ksym_lookup",
			   strerror(err));
	return err;
}

/* Whether owner is "kernel": strcmp with the constant, compared in
 * straight code (a byte of owner is read only while those before it
 * matched, so never past its NUL). */
static bool is_kernel(const char *owner)
{
	static const char kernel[] = "kernel";

#pragma GCC unroll 8
	for (unsigned i = 0; i < sizeof(kernel); i++)
		if (owner[i] != kernel[i])
			return false;
	return true;
}

/* Adds owner to owners[0..*n) unless it is there or is the kernel.
 * Returns 0 or -ENOSPC, having said why. */
static int note_owner(const char *cmd, const char *name, const char *owner,
		      const char **owners, unsigned *n)
{
	if (is_kernel(owner))
		return 0;
	for (unsigned i = 0; i < *n; i++)
		if (!strcmp(owners[i], owner))
			return 0;
	if (*n == IMPORTS_MAX_OWNERS) {
		out_printf(2, "%s: %s: uses more than %d modules\n", cmd, name,
			   IMPORTS_MAX_OWNERS);
		return -ENOSPC;
	}
	owners[(*n)++] = owner;
	return 0;
}

int imports_check(const char *cmd, const char *outcome, const struct modelf *m,
		  const struct ksym_table *syms, const char **owners, unsigned *n_owners)
{
	uint32_t asked, crc, missing = 0, bad = 0;
	uint32_t n_imports = syms->n_asked - m->hdr.num_versions;
	const char *vname, *name = m->hdr.name;
	int err;

	/* the answers come in the order imports_look_up asked: each import
	 * (an undefined global or weak symbol, in symbol order), then each
	 * version. When the kernel knows every import (a load that goes
	 * on), their answers are all this needs: their owners are noted in
	 * that order, with no walk of the symbols. */
	for (asked = 0; asked < n_imports; asked++) {
		const struct ksym *k = ksym_table_answer(syms, asked);

		if (!k)
			break;
		if ((err = note_owner(cmd, name, k->owner, owners, n_owners)))
			return err;
	}
	/* Else the walk, from the first import (in the order the look-up
	 * asked), tells a weak import from one that must be found and names
	 * each missing one; the owners noted above are found in owners[]
	 * again, not added twice, so the messages and owners are those of
	 * the walk alone. */
	if (asked < n_imports)
		asked = 0;
	for (const Elf32_Sym *s = m->sym + m->first_global, *end = m->sym + m->nsym;
	     asked < n_imports && s < end; s++) {
		const struct ksym *k;

		if (s->st_shndx != SHN_UNDEF)
			continue;
		k = ksym_table_answer(syms, asked++);
		if (!k && ELF32_ST_BIND(s->st_info) != STB_WEAK) {
			out_printf(2, "%s: %s: unknown symbol %s\n", cmd, name,
				   modelf_sym_name(m, s - m->sym));
			missing++;
		} else if (k && (err = note_owner(cmd, name, k->owner, owners, n_owners))) {
			return err;
		}
	}
	for (uint32_t i = 0; i < m->hdr.num_versions; i++) {
		const struct ksym *k = ksym_table_answer(syms, n_imports + i);

		modelf_version(m, i, &crc, &vname);
		if (k && k->crc != crc) {
			out_printf(2, "%s: %s: disagrees about version of symbol %s\n",
				   cmd, name, vname);
			bad++;
		}
	}
	if (missing)
		out_printf(2, "%s: %s: %u unknown symbol%s: %s\n", cmd, name, missing,
			   missing == 1 ? "" : "s", outcome);
	return missing ? -ENOKEY : bad ? -EINVAL : 0;
}

int imports_resolve(void *arg, const char *name, uint32_t *value)
{
	const struct ksym *k = ksym_table_find(arg, name);

	if (!k)
		return -ENOKEY;
	*value = k->addr;
	return 0;
}

int imports_answer(const struct ksym_table *syms, uint32_t nth, const char *name,
		   uint32_t *value)
{
	const struct ksym *k;

	if (nth >= syms->n_asked || syms->asked[nth]->name != name)
		return 1;
	k = ksym_table_answer(syms, nth);
	if (!k)
		return -ENOKEY;
	*value = k->addr;
	return 0;
}
