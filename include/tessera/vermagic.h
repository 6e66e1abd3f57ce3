/*
 * The version magic: one string naming the kernel release and the build
 * options that change the module ABI, shared by the kernel (/proc/vermagic)
 * and tools/modpost (which writes "vermagic=..." into every module's
 * .modinfo). insmod refuses a module whose string differs (docs/modules.md,
 * "Module tools"). Change a word here when what it names changes.
 */
#ifndef TESSERA_VERMAGIC_H
#define TESSERA_VERMAGIC_H

/* Linux's API level the headers follow, and Tessera's own suffix. */
#define TESSERA_RELEASE "6.1.0-tessera"

/*
 *   6.1.0-tessera  the release: Linux 6.1's driver API (include/linux/)
 *   preempt        kernel code may be preempted at any tick (issue 9)
 *   mod_unload     modules can be unloaded (exit functions are kept)
 *   modversions    imports carry the CRCs of their declarations
 *   686            compiled with -march=i686 (cmov, no SSE)
 * No "SMP": one CPU, so spinlocks are not the SMP ones.
 */
#define VERMAGIC_STRING TESSERA_RELEASE " preempt mod_unload modversions 686"

#endif
