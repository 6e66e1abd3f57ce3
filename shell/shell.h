/*
 * The shell: Tessera's command interpreter, an in-kernel program that uses
 * only the file API (include/tessera/sys.h), so it can move to user mode
 * unchanged. The language and the commands are described in docs/shell.md.
 */
#ifndef SHELL_SHELL_H
#define SHELL_SHELL_H

/*
 * Runs /etc/rc if it exists, then the script at path `script` (if not NULL;
 * the kernel passes `script=PATH` from its command line), then the
 * interactive prompt on fd 0/1/2. Returns the last exit status when fd 0
 * reaches its end, which the console never does; `exit` and `poweroff` at
 * the prompt power the machine off instead of returning.
 */
int shell_main(const char *script);

#endif
