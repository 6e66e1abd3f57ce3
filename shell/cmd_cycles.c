/*
 * cycles COMMAND [ARG...]: runs a shell command and then prints the guest
 * TSC cycles it took, "cycles: N", on standard error (so that the
 * command's own output can be redirected away; under QEMU's -icount shift=0 the TSC
 * counts instructions: tools/bench-scale times rmmod and lsmod with it).
 */
#include "shell/commands.h"
#include "kernel/cpu.h"
#include "lib/string.h"
#include <tessera/sys.h>

static int cycles_main(int argc, char **argv)
{
	const struct shell_command *cmd;
	uint64_t t;
	int status;

	if (argc < 2)
		return cmd_usage("cycles");
	cmd = shell_command_find(argv[1]);
	if (!cmd) {
		out_printf(2, "cycles: %s: command not found\n", argv[1]);
		return 127;
	}
	t = rdtsc();
	status = cmd->fn(argc - 1, argv + 1);
	t = rdtsc() - t;
	out_printf(2, "cycles: %llu\n", (unsigned long long)t);
	return status;
}

SHELL_COMMAND(cycles, cycles_main, "cycles COMMAND [ARG...]",
	      "run a command and print the guest TSC cycles it took");
