/*
 * repeat N COMMAND [ARG...]: runs a shell command N times, stopping at the
 * first failure (the module tests load and unload in a loop with it).
 */
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>

static int repeat_main(int argc, char **argv)
{
	const struct shell_command *cmd;
	unsigned long n, i;

	if (argc < 3 || cmd_parse_uint(argv[1], &n))
		return cmd_usage("repeat");
	cmd = shell_command_find(argv[2]);
	if (!cmd) {
		out_printf(2, "repeat: %s: command not found\n", argv[2]);
		return 127;
	}
	for (i = 0; i < n; i++) {
		int status = cmd->fn(argc - 2, argv + 2);

		if (sys_interrupted()) {
			out_printf(2, "repeat: interrupted in run %lu of %lu\n", i + 1, n);
			return STATUS_INTERRUPTED;
		}
		if (status) {
			out_printf(2, "repeat: run %lu of %lu failed with status %d\n", i + 1, n,
				   status);
			return status;
		}
	}
	out_printf(1, "repeat: %lu of %lu runs succeeded\n", n, n);
	return 0;
}

SHELL_COMMAND(repeat, repeat_main, "repeat N COMMAND [ARG...]",
	      "run a command N times, stopping at the first failure");
