# Tessera's one Makefile. The object lists below are the table of contents
# of the kernel; `make help` prints these lines.
#
#   make, make all  build/tessera.elf, build/tessera.iso, modules, ramdisk
#   make kernel     build/tessera.elf only       make iso   build/tessera.iso
#   make modules    build/modules/NAME.ko for modules/NAME.c and modules/skel
#   make M=DIR      out-of-tree modules in DIR, as Linux's `make -C KDIR
#                   M=DIR modules`: DIR/Kbuild's or DIR/Makefile's obj-m,
#                   or else each DIR/NAME.c into DIR/NAME.ko
#   make M=DIR clean  remove what make M=DIR made in DIR
#   make badko      build/badko/: damaged copies of hello.ko (named/, set/)
#   make run        boot in QEMU: serial on this terminal, VGA window if any
#                   (APPEND="..." sets the kernel command line)
#   make run-iso    boot build/tessera.iso through GRUB
#   make run M=DIR, make run-iso M=DIR   build DIR's modules (as make M=DIR)
#                   and boot with them in the ramdisk under /extra/
#   make debug      QEMU waiting for gdb on :1234, and gdb (tools/gdbinit);
#                   make console in another terminal is Tessera's shell;
#                   make debug M=DIR: DIR's modules in /extra/, as make run
#   make check      every test; ends with "N passed, N failed"
#   make fuzz       fuzz the loader for FUZZ_SECONDS (60): tools/fuzz
#   make deps       install what a Debian machine lacks (tools/deps)
#   make bench-boot, make bench-modules    boot and insmod cycle counts
#   make bench-debate      page|pack x truncate|split|keep (docs/debate.md)
#   make bench-linux  Debian's i386 kernel's finit_module/delete_module in
#                   the same QEMU, beside Tessera's (fetches it with apt)
#   make bench-scale  insmod/rmmod/lsmod with 0 to 1,000 modules loaded
#   make clean      remove build/ and what make check's M= builds made
#   make help       this list

CROSS	?= i686-linux-gnu-
CC	:= $(CROSS)gcc
LD	:= $(CROSS)ld
OBJCOPY	:= $(CROSS)objcopy
HOSTCC	?= gcc
B	:= build

# Code generation shared by the kernel and every module.
KBASEFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie -fno-common \
	   -fno-stack-protector -fno-omit-frame-pointer -fno-strict-aliasing \
	   -mno-sse -mno-mmx -mno-80387 -mgeneral-regs-only -m32 -march=i686 \
	   -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	   -I. -Iinclude -ffile-prefix-map=$(CURDIR)=.
# The kernel and modules/ (the tree): every warning an error.
KCFLAGS	:= $(KBASEFLAGS) -Wall -Wextra -Werror -Wno-unused-parameter
# make M=DIR (out of tree): the warnings Linux 6.1's top Makefile gives an
# i386 module, no -Werror (W=e adds it, as in Linux: make check does).
LINUX_WARN := -Wall -Wundef -Werror=strict-prototypes -Wno-trigraphs \
	   -Werror=implicit-function-declaration -Werror=implicit-int \
	   -Werror=return-type -Wno-format-security -Wno-sign-compare \
	   -Wno-frame-address -Wno-format-truncation -Wno-format-overflow \
	   -Wno-address-of-packed-member -Wframe-larger-than=1024 \
	   -Wimplicit-fallthrough=5 -Wno-main -Wno-unused-but-set-variable \
	   -Wno-unused-const-variable -Wno-dangling-pointer \
	   -Wdeclaration-after-statement -Wvla -Wno-pointer-sign \
	   -Wcast-function-type -Wno-stringop-truncation -Wno-array-bounds \
	   -Wno-stringop-overflow -Wno-restrict -Wno-maybe-uninitialized \
	   -Werror=date-time -Werror=incompatible-pointer-types \
	   -Werror=designated-init -Wno-packed-not-aligned \
	   $(if $(findstring e,$(W)),-Werror)
CFLAGS	:= $(KCFLAGS) -MMD -MP
ASFLAGS	:= -m32 -g -MMD -MP -I. -Iinclude
HOSTCFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	   -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer -I. -Iinclude -DHOST_TEST \
	   -fno-builtin-strerror	# lib/string.h: const char *strerror(int)

# ---- the kernel, subsystem by subsystem --------------------------------
BOOT_OBJS   := boot/multiboot.o boot/entry.o
KERNEL_OBJS := kernel/main.o kernel/bootinfo.o kernel/gdt.o kernel/idt.o \
	       kernel/isr.o kernel/pic.o kernel/pit.o kernel/serial.o \
	       kernel/vga.o kernel/keyboard.o kernel/console.o kernel/printk.o \
	       kernel/power.o kernel/selftest.o kernel/paging.o \
	       kernel/crash_tests.o kernel/module.o kernel/module_selftest.o \
	       kernel/ksyms.o kernel/exports.o kernel/timer.o kernel/symbols.o \
	       kernel/oops.o kernel/guard.o kernel/doublefault.o kernel/irq.o \
	       kernel/sync.o kernel/resource.o kernel/dma.o kernel/params.o \
	       kernel/task.o kernel/sched.o kernel/switch.o kernel/softirq.o \
	       kernel/workqueue.o kernel/tasklet.o
MM_OBJS     := mm/page_alloc.o mm/kmalloc.o mm/vmalloc.o mm/stats.o mm/charge.o \
	       mm/mm_selftest.o mm/linux_mem.o mm/ioremap.o
LIB_OBJS    := lib/string.o lib/strlcpy.o lib/vsnprintf.o lib/linux_lib.o lib/param.o
FS_OBJS     := fs/vfs.o fs/path.o fs/namei.o fs/file.o fs/pagefile.o fs/ramfs.o \
	       fs/devfs.o fs/devices.o fs/seq_buf.o fs/procfs.o fs/proc_files.o \
	       fs/cpio.o fs/initrd.o fs/syscalls.o fs/init.o fs/fs_selftest.o \
	       fs/fop_guard.o fs/chrdev.o fs/seq_file.o
SHELL_OBJS  := shell/shell.o shell/parse.o shell/lineedit.o shell/commands.o \
	       shell/cmd_files.o shell/cmd_misc.o shell/cmd_proc.o \
	       shell/cmd_hexdump.o shell/hexfmt.o shell/cmd_repeat.o \
	       shell/cmd_ioctl.o shell/cmd_dd.o shell/cmd_cycles.o \
	       shell/cmd_truncate.o shell/cmd_cmp.o
DRIVERS_OBJS := drivers/pci/pci.o drivers/pci/driver.o drivers/pci/proc.o \
		drivers/pci/lspci.o drivers/pci/names.o
MODULE_OBJS := fs/modfs/modfs.o fs/modfs/control.o fs/modfs/files.o fs/modfs/proc.o fs/modfs/modfs_selftest.o \
	       fs/modfs/params.o fs/modfs/pack.o \
	       loader/elf.o loader/reloc.o loader/symbols.o loader/tools.o loader/insmod.o loader/rmmod.o \
	       loader/memdiff.o loader/modalloc.o loader/lsmod.o loader/modinfo.o loader/modalias.o \
	       loader/depmod.o loader/depmod_cmd.o loader/modprobe.o loader/byhand.o \
	       loader/imports.o
MODULE_OBJS += fs/modfs/initimage.o

OBJS := $(addprefix $(B)/,$(BOOT_OBJS) $(KERNEL_OBJS) $(MM_OBJS) $(LIB_OBJS) \
	  $(FS_OBJS) $(SHELL_OBJS) $(MODULE_OBJS) $(DRIVERS_OBJS))

.PHONY: all kernel iso run run-iso debug console check deps help clean bench-boot bench-modules bench-linux bench-scale
.PHONY: bench-debate
all: kernel iso modules inittools

kernel: $(B)/tessera.elf
iso: $(B)/tessera.iso

# The kernel is linked twice, as Linux links vmlinux for kallsyms: first
# with an empty symbol table (tessera.tmp.elf), whose `nm -n -S`
# tools/kallsyms turns into build/kallsyms.S (address, size, type, name of
# every function and object), then with that table. Its section .kallsyms
# is the last one (linker/kernel.lds), so it cannot move what it describes;
# the second link is checked to have every other symbol where the first had
# it (kernel/symbols.c, docs/debugging.md).
KLINK	 = $(CC) -m32 -nostdlib -no-pie -Wl,--build-id=none -T linker/kernel.lds
NM	:= $(CROSS)nm
KSYMS	:= $(B)/tools/kallsyms
NM_NOTABLE = $(NM) -n $(1) | grep -v -e ' kallsyms_' -e ' _kernel_end$$'
$(B)/tessera.elf: $(OBJS) linker/kernel.lds $(B)/kernel-crcs.lds $(KSYMS)
	@echo "  LD      $(B)/tessera.tmp.elf (empty symbol table)"
	@$(KSYMS) < /dev/null > $(B)/kallsyms0.S
	@$(CC) -m32 -c $(B)/kallsyms0.S -o $(B)/kallsyms0.o
	@$(KLINK) -o $(B)/tessera.tmp.elf $(OBJS) $(B)/kallsyms0.o $(B)/kernel-crcs.lds -lgcc
	@echo "  KSYMS   $(B)/kallsyms.S"
	@$(NM) -n -S $(B)/tessera.tmp.elf | $(KSYMS) > $(B)/kallsyms.S
	@$(CC) -m32 -c $(B)/kallsyms.S -o $(B)/kallsyms.o
	@echo "  LD      $@"
	@$(KLINK) -o $@.tmp $(OBJS) $(B)/kallsyms.o $(B)/kernel-crcs.lds -lgcc
	@$(call NM_NOTABLE,$(B)/tessera.tmp.elf) > $(B)/kallsyms.nm1
	@$(call NM_NOTABLE,$@.tmp) > $(B)/kallsyms.nm2
	@cmp -s $(B)/kallsyms.nm1 $(B)/kallsyms.nm2 || { echo "kallsyms: the symbol \
		table moved kernel symbols (diff $(B)/kallsyms.nm1 $(B)/kallsyms.nm2)"; exit 1; }
	@mv $@.tmp $@
$(KSYMS): tools/kallsyms.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(HOSTCFLAGS) -o $@ $<

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c $< -o $@

$(B)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(ASFLAGS) -c $< -o $@

# MKISO: the GRUB ISO $@ with the kernel, ramdisk $(1) and boot/grub.cfg,
# staged in $@.dir/
MKISO = @rm -rf $@.dir && mkdir -p $@.dir/boot/grub && \
	cp $(B)/tessera.elf $@.dir/boot/tessera.elf && \
	cp $(1) $@.dir/boot/initrd.cpio && \
	cp boot/grub.cfg $@.dir/boot/grub/grub.cfg && \
	echo "  ISO     $@" && \
	{ grub-mkrescue -o $@ $@.dir 2>$@.log || { cat $@.log; exit 1; }; }
$(B)/tessera.iso: $(B)/tessera.elf $(B)/initrd.cpio boot/grub.cfg
	$(call MKISO,$(B)/initrd.cpio)

# ---- set-up: install what a fresh Debian machine lacks ------------------
deps:
	@tools/deps

# ---- running -----------------------------------------------------------
QEMU_DISPLAY := $(if $(DISPLAY),,-display none)
QEMU_COMMON  := -m 128 -device isa-debug-exit,iobase=0xf4,iosize=0x04 -no-reboot

# With M=DIR: the ramdisk (build/initrd-M.cpio, or the ISO
# build/tessera-M.iso) also has DIR's modules, built first as make M=DIR
# builds them, under /extra/ (tools/mkramdisk --add DIR: .ko and data
# files, not sources or objects); /etc/motd says so in its last line.
RUN_INITRD := $(if $(M),$(B)/initrd-M.cpio,$(B)/initrd.cpio)
RUN_ISO    := $(if $(M),$(B)/tessera-M.iso,$(B)/tessera.iso)
# The serial console on this terminal, with QEMU's monitor escape moved from
# Ctrl-A to Ctrl-] (-echr 0x1d), so that Ctrl-A reaches the shell's line
# editor (start of line, docs/shell.md): Ctrl-] X quits, Ctrl-] C switches
# to QEMU's monitor and back, Ctrl-] H lists the rest.
RUN_SERIAL := -echr 0x1d -serial mon:stdio
run: deps
	@$(MAKE) --no-print-directory kernel $(RUN_INITRD)
	qemu-system-i386 $(QEMU_COMMON) $(QEMU_DISPLAY) $(RUN_SERIAL) \
		-kernel $(B)/tessera.elf -initrd $(RUN_INITRD) -append "$(APPEND)"; \
		st=$$?; [ $$st -eq 33 ] || [ $$st -eq 0 ] || echo "qemu exit $$st"

run-iso: deps
	@$(MAKE) --no-print-directory $(RUN_ISO)
	qemu-system-i386 $(QEMU_COMMON) $(QEMU_DISPLAY) $(RUN_SERIAL) \
		-cdrom $(RUN_ISO); true

# make grade LAB=N M=DIR: lab N's grader (labs/README.md): builds DIR as
# make M=DIR does, boots with it in /extra/, runs labs/NN-slug/checks,
# prints KTAP; exit status 0 only if every check passed.
.PHONY: grade
grade: deps
	@$(if $(LAB),,$(error make grade needs LAB=N (labs/README.md lists them)))
	@$(if $(M),,$(error make grade needs M=DIR, the student's module directory))
	@$(MAKE) --no-print-directory M= kernel $(B)/initrd.cpio >&2
	@tools/grade $(LAB) $(M)

# QEMU in the background, stopped before its first instruction, its gdb
# stub on :1234 (GDBPORT=N for another), its console on a socket that
# `make console` (tools/console) attaches in a second terminal; gdb in the
# foreground with tools/gdbinit and tools/tessera-gdb.py (docs/debugging.md).
# With M=DIR, DIR's modules are in /extra/ as with make run M=DIR, and gdb
# finds their .ko files there.
debug: deps
	@$(MAKE) --no-print-directory kernel $(RUN_INITRD)
	@TESSERA_M=$(M) tools/debug $(RUN_INITRD) "$(APPEND)"
console:
	@tools/console

# ---- tests -------------------------------------------------------------
# Host tests: every tests/host/test_NAME.c is one, built into
# build/host/test_NAME. Its line `// sources: FILE...` names what it is
# linked with: the .c files (globs like shell/*.c allowed) are compiled in,
# any other file (build/modules/hello.ko) is built first. Headers are found
# by the compiler (-MM into build/host/test_NAME.d). docs/testing.md.
HOST_TEST_SRCS := $(wildcard tests/host/test_*.c)
HOST_TESTS := $(patsubst tests/host/%.c,$(B)/host/%,$(HOST_TEST_SRCS))
# test_NAME:FILE:FILE... for each test's sources line (one word each)
HOST_TEST_DEPS := $(shell awk '/^\/\/ sources: / { \
	n = FILENAME; sub(/.*\//, "", n); sub(/\.c$$/, "", n); \
	sub(/^\/\/ sources: */, ""); sub(/ +$$/, ""); gsub(/ +/, ":"); \
	print n ":" $$0; nextfile }' $(HOST_TEST_SRCS) /dev/null)
# (HOST_SRCS_test_NAME: the sources line's files, the ones linked in; a
# .c file the test #includes, as test_vga.c does kernel/vga.c, is only a
# dependency.)
host_dep_files = $(foreach f,$(1),$(if $(findstring *,$(f)),$(wildcard $(f)),$(f)))
$(foreach w,$(HOST_TEST_DEPS),$(eval HOST_SRCS_$(firstword $(subst :, ,$(w))) := \
	$(call host_dep_files,$(wordlist 2,999,$(subst :, ,$(w))))))
$(foreach w,$(HOST_TEST_DEPS),$(eval $(B)/host/$(firstword $(subst :, ,$(w))): \
	$(HOST_SRCS_$(firstword $(subst :, ,$(w))))))

$(B)/host/%: tests/host/%.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $< $(filter %.c,$(HOST_SRCS_$*))
	@$(HOSTCC) $(HOSTCFLAGS) -MM -MP -MT $@ $< $(filter %.c,$(HOST_SRCS_$*)) > $@.d

# ---- the loader fuzzer (docs/testing.md) ---------------------------------
# clang's libFuzzer with ASan+UBSan, 32-bit like the kernel (so the image it
# relocates has real pointers for kernel/module.c's checks). Seeds: every
# build/modules/*.ko and NAME.o, build/badko/ and its set/; new inputs go to
# build/fuzz/corpus, crashes to build/fuzz/crashes/. FUZZ_SECONDS=N to vary.
FUZZ_SECONDS ?= 60
FUZZCC	   := clang
FUZZCFLAGS := -m32 -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	   -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer -I. -Iinclude -DHOST_TEST \
	   -fno-builtin-strerror	# lib/string.h: const char *strerror(int)
# libFuzzer is C++: its library linked in, so running needs only libc6-i386.
FUZZLDFLAGS := -fsanitize=fuzzer -static-libstdc++ -static-libgcc
FUZZ_SRCS  := tests/fuzz/fuzz_loader.c tests/fuzz/kcheck.c loader/elf.c \
	      loader/reloc.c loader/symbols.c lib/strlcpy.c kernel/params.c lib/param.c
FUZZ_HDRS  := tests/fuzz/kcheck.h kernel/module.c kernel/module.h loader/elf.h \
	      loader/internal.h include/tessera/modformat.h
.PHONY: fuzz
fuzz: deps
	@$(MAKE) --no-print-directory modules badko $(B)/fuzz/fuzz_loader
	@tools/fuzz $(FUZZ_SECONDS)
$(B)/fuzz/fuzz_loader: $(FUZZ_SRCS) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $@"
	@$(FUZZCC) $(FUZZCFLAGS) $(FUZZLDFLAGS) -o $@ $(FUZZ_SRCS)
# The regression runner (a host test): tests/fuzz/regress/ and the sample
# and damaged modules through the same target once each, no fuzzing.
HOST_TESTS += $(B)/host/test_fuzz_regress
$(B)/host/test_fuzz_regress: tests/fuzz/regress_main.c $(FUZZ_SRCS) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZCC) $(FUZZCFLAGS) -static-libgcc -o $@ tests/fuzz/regress_main.c $(FUZZ_SRCS)

# tools/check builds the host tests itself (make -s print-host-tests).
check: deps
	@$(MAKE) --no-print-directory all badko stripped $(DEPMOD)
	@$(MAKE) --no-print-directory M=tests/oot W=e
	@$(MAKE) --no-print-directory M=tests/harness W=e
	@$(MAKE) --no-print-directory M=tests/linux W=e
	@$(MAKE) --no-print-directory M=tests/depmod W=e
	@$(MAKE) --no-print-directory M=tests/pack W=e
	@$(MAKE) --no-print-directory -C . M=tests/kbuild W=e modules
	@tools/check

.PHONY: print-host-tests
print-host-tests:
	@echo $(sort $(HOST_TESTS))

bench-boot: deps
	@$(MAKE) --no-print-directory all
	@tools/bench-boot

# bench-modules also loads the generated modules (tools/genmods: 50,000
# relocations, 1 MiB and 4 MiB of data, 1 MiB and 4 MiB of code), built as M=build/genmod and put
# in /extra/ of build/initrd-bench.cpio.
GENMOD := $(B)/genmod
bench-modules: deps
	@$(MAKE) --no-print-directory all
	@tools/genmods $(GENMOD)
	@$(MAKE) --no-print-directory M=$(GENMOD)
	@tools/mkramdisk -o $(B)/initrd-bench.cpio --add $(GENMOD)
	@tools/bench-modules --initrd $(B)/initrd-bench.cpio $(BENCH_MODULES)
BENCH_MODULES ?= hello bigcode extra/rel50k extra/data1m extra/data4m extra/code1m extra/code4m

# bench-debate: every policy (modalloc=page|pack) x every init strategy
# (insmod --init=truncate|split|keep) on the samples and 32 generated
# modules sized as Debian's (docs/debate.md); built as M=build/debatemod.
DEBATEMOD := $(B)/debatemod
bench-debate: deps
	@$(MAKE) --no-print-directory all
	@tools/bench-debate --generate $(DEBATEMOD)
	@tools/mkramdisk -o $(B)/initrd-debate.cpio --add $(DEBATEMOD)
	@tools/bench-debate --initrd $(B)/initrd-debate.cpio

bench-linux: deps
	@$(MAKE) --no-print-directory all
	@tools/bench-linux

# N generated modules loaded in one boot: insmod/lsmod/rmmod at each size
bench-scale: deps
	@$(MAKE) --no-print-directory all
	@tools/bench-scale $(BENCH_SCALE_ARGS)

# ---- modules ------------------------------------------------------------
# Each modules/NAME.c (and modules/skel/skel.c) becomes build/modules/NAME.ko;
# `make M=DIR` builds DIR's modules in DIR the same way (below). Steps
# (docs/modules.md):
# (cc is $(CC) $(KCFLAGS); -DKBUILD_MODNAME='"NAME"' as in kbuild)
#   cc -DMODULE -c NAME.c        -> NAME.o      the module's code
#   cc -DMODULE -E NAME.c        -> NAME.i      what it saw: input of the CRCs
#   modpost [--intree] -o NAME.mod.c NAME.o NAME.i  header, versions, CRCs
#   cc -DMODULE -c NAME.mod.c    -> NAME.mod.o
#   ld -r -T linker/module.lds NAME.o NAME.mod.o -> NAME.ko
#   modpost --check NAME.ko                     insmod's checks, at build time
MODPOST     := $(B)/tools/modpost
MODCFLAGS   := $(KCFLAGS) -DMODULE
MODULE_SRCS := $(wildcard modules/*.c) modules/skel/skel.c
MODULE_KOS  := $(patsubst %.c,$(B)/modules/%.ko,$(notdir $(MODULE_SRCS)))
MODNAME      = -DKBUILD_MODNAME='"$(or $(KMODNAME),$(subst -,_,$(basename $(notdir $<))))"'
MOD_CC       = @echo "  CC [M]  $<"; $(CC) $(MODCFLAGS) $(MODNAME) -MMD -MP -c $< -o $@
MOD_CPP      = @echo "  CPP [M] $<"; \
	       $(CC) $(MODCFLAGS) $(MODNAME) -E -MMD -MP -MT $@ -MF $@.d $< -o $@
# modpost --known: the exports a module may import (the kernel's CRC list
# and the other modules of its directory, plus KBUILD_EXTRA_SYMBOLS: .ko
# files elsewhere); an import none of them exports fails the build.
MOD_KNOWN    = --known $(B)/kernel-crcs.lds \
	       $(foreach f,$(filter-out $(word 1,$^),$(filter %.o,$(wordlist 2,999,$^))) \
	       $(KBUILD_EXTRA_SYMBOLS),--known $(f))
MOD_POST     = @echo "  MODPOST $@"; \
	       $(MODPOST) $(INTREE) $(MOD_KNOWN) -o $@ $(word 1,$^) $(filter %.i,$^)
MOD_MODCC    = @echo "  CC [M]  $<"; $(CC) $(MODCFLAGS) -c $< -o $@
MOD_LD       = @echo "  LD [M]  $@"; \
	       $(LD) -r -T linker/module.lds -o $@ $(filter %.o,$^) && \
	       { $(MODPOST) --check $@ || { rm -f $@; exit 1; }; }
MODPOST_SRCS := tools/modpost.c tools/symcrc.c loader/elf.c loader/reloc.c loader/modalias.c

.PHONY: modules badko

# tools/depmod: the guest's depmod core (loader/depmod.c) on the host, for
# the ramdisk's /lib/modules/modules.dep and modules.alias (tools/mkramdisk).
DEPMOD      := $(B)/tools/depmod
DEPMOD_SRCS := tools/depmod.c loader/depmod.c loader/elf.c loader/reloc.c lib/strlcpy.c
$(DEPMOD): $(DEPMOD_SRCS) loader/depmod.h loader/elf.h loader/internal.h loader/tools.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(HOSTCFLAGS) -o $@ $(DEPMOD_SRCS)

$(MODPOST): $(MODPOST_SRCS) tools/symcrc.h loader/elf.h loader/internal.h include/tessera/modformat.h \
		loader/modalias.h include/tessera/vermagic.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(HOSTCFLAGS) -o $@ $(MODPOST_SRCS)

$(B)/modules/%.o: modules/%.c
	@mkdir -p $(dir $@)
	$(MOD_CC)
$(B)/modules/%.o: modules/skel/%.c
	@mkdir -p $(dir $@)
	$(MOD_CC)
$(B)/modules/%.i: modules/%.c
	@mkdir -p $(dir $@)
	$(MOD_CPP)
$(B)/modules/%.i: modules/skel/%.c
	@mkdir -p $(dir $@)
	$(MOD_CPP)
# modules/ is the tree: modpost adds intree=Y to their modinfo, as Linux's
# does; make M=DIR modules lack it and taint the kernel O when loaded.
$(B)/modules/%.mod.c: INTREE := --intree
$(B)/modules/%.mod.c: $(B)/modules/%.o $(B)/modules/%.i $(MODPOST) $(B)/kernel-crcs.lds \
		$(MODULE_KOS:.ko=.o)
	$(MOD_POST)
$(B)/modules/%.mod.o: $(B)/modules/%.mod.c include/tessera/modformat.h
	$(MOD_MODCC)
$(B)/modules/%.ko: $(B)/modules/%.o $(B)/modules/%.mod.o linker/module.lds $(MODPOST)
	$(MOD_LD)
.SECONDARY: $(foreach s,.o .i .mod.c .mod.o,$(MODULE_KOS:.ko=$(s)))
# initbug breaks the section-mismatch rule on purpose: its modpost step
# runs with KBUILD_MODPOST_WARN=1, as Linux's, which turns the refusal
# into a warning for it alone (docs/modules.md). Out of tree:
# KBUILD_MODPOST_WARN=1 make M=DIR.
$(B)/modules/initbug.mod.c: private export KBUILD_MODPOST_WARN := 1

# make M=DIR: an out-of-tree module directory, built in place like kbuild
# (docs/modules.md "Building out of tree"). `make -C TESSERA M=DIR modules`
# or just `make M=DIR`; `make M=DIR clean` removes what it made there.
# What to build: DIR/Kbuild, or else DIR/Makefile if it names obj-m,
# read by tools/kbuild.mk with KERNELRELEASE set (obj-m += NAME.o,
# NAME-objs/NAME-y := A.o B.o, ccflags-y); with neither, each DIR/NAME.c
# is a module NAME. The objects of a module NAME are compiled with
# KBUILD_MODNAME "NAME" ('-' becomes '_', as in Linux) and joined by
# `ld -r` into NAME.o; their .i files, concatenated, are NAME.i. The
# kbuild file sees $(PWD) as the caller's directory (LDD3's LDDINC uses it):
# the shell of $(shell) would reset it to this one.
ifneq ($(M),)
M := $(patsubst %/,%,$(M))
KB_FILE := $(firstword $(wildcard $(M)/Kbuild) $(if $(shell grep -s -l \
	'^[[:space:]]*obj-m[[:space:]]*[:+]*=' $(M)/Makefile),$(M)/Makefile))
KB_WORDS := $(if $(KB_FILE),$(shell MAKEFLAGS= PWD='$(PWD)' $(MAKE) -s --no-print-directory \
	-f tools/kbuild.mk KBUILD_FILE=$(KB_FILE) M=$(M) kbuild-list))
kb_comma := ,
# NAME=A.o,B.o for each module: its objects (in DIR)
KB_MODS := $(if $(KB_FILE),$(patsubst mod:%,%,$(filter mod:%,$(KB_WORDS))), \
	$(foreach c,$(filter-out %.mod.c,$(wildcard $(M)/*.c)), \
	$(basename $(notdir $(c)))=$(basename $(notdir $(c))).o))
kb_name = $(firstword $(subst =, ,$(1)))
kb_objs = $(subst $(kb_comma), ,$(word 2,$(subst =, ,$(1))))
KB_MULTI := $(foreach w,$(KB_MODS),$(if $(filter-out $(call kb_name,$(w)).o, \
	$(call kb_objs,$(w))),$(w)))
M_KOS := $(foreach w,$(KB_MODS),$(M)/$(call kb_name,$(w)).ko)
M_SHORT := $(filter-out $(M_KOS),$(notdir $(M_KOS)))
M_OBJS := $(sort $(M_KOS:.ko=.o) $(foreach w,$(KB_MULTI),$(addprefix $(M)/,$(call kb_objs,$(w)))))
# The modules of DIR whose sources export symbols (EXPORT_SYMBOL): every
# module's modpost step reads their NAME.o (--known), so they come first.
# The others do not wait for each other: `make -k` builds all that can be.
M_EXPORTING_C := $(shell grep -s -l EXPORT_SYMBOL $(M)/*.c)
M_EXPORTERS := $(foreach w,$(KB_MODS),$(if $(filter $(M_EXPORTING_C), \
	$(addprefix $(M)/,$(patsubst %.o,%.c,$(call kb_objs,$(w))))),$(M)/$(call kb_name,$(w)).o))
$(M)/%: MODCFLAGS = $(KBASEFLAGS) $(LINUX_WARN) -DMODULE \
	$(patsubst cflags:%,%,$(filter cflags:%,$(KB_WORDS)))
define kb_multi
$(M)/$(1).o: $(addprefix $(M)/,$(2))
	@echo "  LD [M]  $$@"; $$(LD) -r -o $$@ $$^
$(M)/$(1).i: $(addprefix $(M)/,$(2:.o=.i))
	@cat $$^ > $$@
$(addprefix $(M)/,$(2) $(2:.o=.i)): KMODNAME := $(subst -,_,$(1))
endef
$(foreach w,$(KB_MULTI),$(eval $(call kb_multi,$(call kb_name,$(w)),$(call kb_objs,$(w)))))
.DEFAULT_GOAL := M-modules
.PHONY: M-modules M-clean
M-modules: $(M_KOS)
modules: M-modules
$(M)/%.o: $(M)/%.c
	$(MOD_CC)
$(M)/%.i: $(M)/%.c
	$(MOD_CPP)
# Building only single modules (make M=DIR NAME.ko ...), an exporter is
# read if it is there, not built: a failing sibling does not stop NAME.
M_SINGLE := $(if $(MAKECMDGOALS),$(if $(filter-out $(M_SHORT) $(M_KOS),$(MAKECMDGOALS)),,y))
$(M)/%.mod.c: MOD_KNOWN = --known $(B)/kernel-crcs.lds $(foreach f,$(filter-out \
	$(word 1,$^),$(wildcard $(M_EXPORTERS))) $(KBUILD_EXTRA_SYMBOLS),--known $(f))
$(M)/%.mod.c: $(M)/%.o $(M)/%.i $(MODPOST) $(B)/kernel-crcs.lds $(if $(M_SINGLE),,$(M_EXPORTERS))
	$(MOD_POST)
$(M)/%.mod.o: $(M)/%.mod.c include/tessera/modformat.h
	$(MOD_MODCC)
$(M)/%.ko: $(M)/%.o $(M)/%.mod.o linker/module.lds $(MODPOST)
	$(MOD_LD)
# make -C TESSERA M=DIR NAME.ko: one module of DIR
.PHONY: $(M_SHORT)
$(M_SHORT): %.ko: $(M)/%.ko
.SECONDARY: $(foreach s,.o .i .mod.c .mod.o,$(M_KOS:.ko=$(s))) $(M_OBJS) $(M_OBJS:.o=.i)
# make run M=DIR / run-iso M=DIR: the ramdisk with DIR's modules in
# /extra/, made afresh each time (DIR's data files are not tracked)
.PHONY: M-always
M_MOTD = M=$(M) is in /extra/: $(notdir $(M_KOS)) (insmod /extra/NAME.ko)
$(B)/initrd-M.cpio: $(B)/initrd.cpio $(M_KOS) M-always
	@echo "  CPIO    $@ (+ $(M) in /extra/)"
	@tools/mkramdisk -o $@ --add $(M) --motd "$(M_MOTD)"
$(B)/tessera-M.iso: $(B)/tessera.elf $(B)/initrd-M.cpio boot/grub.cfg
	$(call MKISO,$(B)/initrd-M.cpio)
M_MADE := $(sort $(M_KOS) $(foreach s,.o .i .mod.c .mod.o .d .i.d,$(M_KOS:.ko=$(s))) \
	$(foreach s,.o .i .d .i.d,$(M_OBJS:.o=$(s))))
M-clean:
	@echo "  CLEAN   $(M)"
	@rm -f $(M_MADE)
-include $(wildcard $(M)/*.d)
else
modules: $(MODULE_KOS)
endif

# Damaged copies of hello.ko for insmod's tests (tools/badko.c):
# build/badko/named/bad_*.ko and REASONS, the refusal each one gets
# (`tools/qemu-run --add build/badko/named` puts them in /extra/); and the
# malformed-object set, build/badko/set/*.ko and EXPECT, what the loader
# must do with each (badko fails the build if one is a hole in the loader).
$(B)/tools/badko: tools/badko.c tools/hostfile.c tools/hostfile.h \
	loader/elf.c loader/reloc.c loader/elf.h loader/internal.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(HOSTCFLAGS) -o $@ $(filter %.c,$^)
badko: $(B)/badko/named/REASONS $(B)/badko/set/EXPECT
$(B)/badko/named/REASONS: $(B)/modules/hello.ko $(B)/tools/badko
	@rm -rf $(dir $@) && mkdir -p $(dir $@)
	@echo "  BADKO   $(dir $@)"
	@$(B)/tools/badko $< $(dir $@) > $@.tmp && mv $@.tmp $@
$(B)/badko/set/EXPECT: $(B)/modules/hello.ko $(B)/kernel-crcs.lds $(B)/tools/badko
	@rm -rf $(dir $@) && mkdir -p $(dir $@)
	@echo "  BADKO   $(dir $@)"
	@$(B)/tools/badko --set $< $(B)/kernel-crcs.lds $(dir $@)

# The init tools seed 000 wished for (docs/initsavings.md): initsavings,
# secmismatch, initonly; host programs for any ELF32 i386 relocatable (a
# Tessera .ko or .o, a Linux i386 .ko), sharing tools/secref.c.
INIT_TOOLS      := $(addprefix $(B)/tools/,initsavings secmismatch initonly)
INIT_TOOLS_SRCS := tools/secref.c tools/hostfile.c loader/elf.c loader/reloc.c
.PHONY: inittools initsavings-linux
inittools: $(INIT_TOOLS)
$(INIT_TOOLS): $(B)/tools/%: tools/%.c $(INIT_TOOLS_SRCS) tools/secref.h \
	tools/hostfile.h loader/elf.h loader/internal.h include/tessera/modformat.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(HOSTCFLAGS) -o $@ $< $(INIT_TOOLS_SRCS)
# Their tests' hand-made objects (tests/boot/inittools_tests.py): small
# .S files whose tables, mismatches and candidates are known.
INITTOOLS_OBJS := $(patsubst tests/inittools/%.S,$(B)/inittools/%.o,\
	$(wildcard tests/inittools/*.S))
.PHONY: inittools-objs
inittools-objs: $(INITTOOLS_OBJS) $(INIT_TOOLS)
$(B)/inittools/%.o: tests/inittools/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      $@"
	@$(CROSS)as --32 -o $@ $<
# Debian's i386 Linux 6.1 modules through initsavings (fetched as
# tools/bench-linux fetches its kernel: docs/initsavings.md).
initsavings-linux: deps $(B)/tools/initsavings
	@tools/initsavings-linux

# What a user does to shrink a .ko: strip --strip-debug and
# --strip-unneeded of every sample, build/stripped/NAME-debug.ko and
# NAME-unneeded.ko. Each must load exactly like its original (test_reloc
# compares the images; scenario modfs_stripped loads two).
STRIP        := $(CROSS)strip
STRIPPED_KOS := $(MODULE_KOS:$(B)/modules/%.ko=$(B)/stripped/%-debug.ko) \
		$(MODULE_KOS:$(B)/modules/%.ko=$(B)/stripped/%-unneeded.ko)
.PHONY: stripped
stripped: $(STRIPPED_KOS)
$(B)/stripped/%-debug.ko: $(B)/modules/%.ko
	@mkdir -p $(dir $@)
	@echo "  STRIP   $@"
	@$(STRIP) --strip-debug -o $@ $<
$(B)/stripped/%-unneeded.ko: $(B)/modules/%.ko
	@mkdir -p $(dir $@)
	@echo "  STRIP   $@"
	@$(STRIP) --strip-unneeded -o $@ $<
$(B)/host/test_reloc: $(STRIPPED_KOS)

# Kernel symbol CRCs: every kernel source with EXPORT_SYMBOL, preprocessed
# as the kernel build compiles it, gives `__crc_SYM = 0x...;` lines; the
# kernel link reads build/kernel-crcs.lds as an implicit linker script.
KERNEL_SRCS := $(wildcard $(patsubst $(B)/%.o,%.c,$(OBJS)))
EXPORT_IS   := $(patsubst %.c,$(B)/%.i,$(shell grep -l EXPORT_SYMBOL $(KERNEL_SRCS) /dev/null 2>/dev/null | grep -v '^/dev/null$$'))
$(B)/kernel-crcs.lds: $(EXPORT_IS) $(MODPOST)
	@echo "  MODPOST $@"
	@$(MODPOST) --kernel-crcs -o $@ $(EXPORT_IS)
$(EXPORT_IS): $(B)/%.i: %.c
	@mkdir -p $(dir $@)
	@echo "  CPP     $<"
	@$(CC) $(KCFLAGS) -E -MMD -MP -MT $@ -MF $@.d $< -o $@

# ---- the ramdisk: ramdisk/ + built modules under /lib/modules/ ---------
# (kept below the module rules: MODULE_KOS, the list of build/modules/*.ko,
# must be defined before this line to count as prerequisites)
$(B)/initrd.cpio: tools/mkramdisk tools/cpio-align $(shell find ramdisk -type f) $(wildcard docs/commands/*.md) \
		$(MODULE_KOS) $(wildcard $(B)/modules/*.ko) $(DEPMOD) $(B)/kernel-crcs.lds
	@echo "  CPIO    $@"
	@tools/mkramdisk -o $@

help:
	@sed '/^$$/q' Makefile

# make clean: build/ and the outputs of the M= builds make check runs;
# make M=DIR clean: only DIR's (M-clean above).
M_CHECK_DIRS := tests/oot tests/harness tests/linux tests/kbuild tests/depmod tests/pack
ifeq ($(M),)
clean:
	rm -rf $(B)
	@for d in $(M_CHECK_DIRS); do $(MAKE) --no-print-directory M=$$d clean; done
else
clean: M-clean
endif

-include $(shell find $(B) -type f -name '*.d' 2>/dev/null)
