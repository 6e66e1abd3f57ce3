/*
 * Runs the in-kernel self tests (kernel/selftest.h) and reports them in
 * KTAP version 1, the format of Linux's KUnit, then powers off with
 * success only if every test that ran passed.
 */
#include "kernel/selftest.h"
#include "kernel/printk.h"
#include "kernel/power.h"
#include "lib/string.h"

extern const struct selftest __selftests_start[], __selftests_end[];

static struct {
	bool failed;	/* the running test failed a CHECK */
} st;

void selftest_fail(const char *file, int line, const char *what)
{
	printk(KERN_ERR "    # %s:%d: CHECK(%s) failed\n", file, line, what);
	st.failed = true;
}

static bool selected(const struct selftest *t, const char *which)
{
	if (!which || !*which)
		return !t->by_name_only;
	return !strcmp(t->name, which);
}

void selftest_run(const char *which)
{
	const struct selftest *t;
	int total = 0, n = 0, bad = 0;

	for (t = __selftests_start; t < __selftests_end; t++)
		total += selected(t, which);
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", total);
	for (t = __selftests_start; t < __selftests_end; t++) {
		if (!selected(t, which))
			continue;
		st.failed = false;
		t->fn();
		printk(KERN_INFO "%sok %d %s\n", st.failed ? "not " : "", ++n, t->name);
		bad += st.failed;
	}
	printk(KERN_INFO "# selftest: %d passed, %d failed\n", n - bad, bad);
	if (total == 0)
		printk(KERN_ERR "selftest: no test named '%s'\n", which ? which : "");
	power_off(bad || total == 0 ? 1 : 0);
}
