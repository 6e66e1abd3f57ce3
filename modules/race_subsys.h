/*
 * race_subsys's API, included by race_subsys.c and by the modules of the
 * race laboratory that use it (race_ops.c registers, race_caller.c
 * calls), so their CRCs agree. docs/unload-races.md tells the story.
 */
#ifndef MODULES_RACE_SUBSYS_H
#define MODULES_RACE_SUBSYS_H

struct module;

/* What a driver registers: its owner (THIS_MODULE) and its function. */
struct race_ops {
	struct module *owner;
	const char *name;
	int (*work)(int arg);
};

/* Registers ops. Returns 0, or -EBUSY if a driver is already registered. */
int race_subsys_register(struct race_ops *ops);
/* Unregisters ops: no new call reaches it afterwards. */
void race_subsys_unregister(struct race_ops *ops);

/* Calls the registered driver's work(arg) holding a reference on its
 * module (the cure): returns what work returned, or -ENODEV if no driver
 * is registered or its module is going away. */
int race_subsys_call(int arg);
/* The same without the reference (the bug): the driver's module may be
 * unloaded while work runs, or between the lookup and the call. */
int race_subsys_call_unsafe(int arg);

#endif
