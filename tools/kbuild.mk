# tools/kbuild.mk: reads an out-of-tree module directory's kbuild file the
# way Linux's kbuild reads it, and prints what it asks for. The top
# Makefile runs it (make M=DIR) as
#
#   make -s -f tools/kbuild.mk KBUILD_FILE=DIR/Kbuild kbuild-list
#
# KERNELRELEASE is set, so a Makefile written for both roles (`ifneq
# ($(KERNELRELEASE),)` ... `else` ... `all: $(MAKE) -C KDIR M=$(PWD)
# modules` ... `endif`) gives only its kbuild part; a Makefile with no
# such test (LKMPG's) still defines its `all:` and `clean:` here, but
# only kbuild-list is run. Output, one line of words:
#
#   mod:NAME=OBJ,OBJ...   for each obj-m entry NAME.o: its objects, from
#                         NAME-objs or NAME-y (Linux's two spellings),
#                         or NAME.o alone
#   cflags:FLAG           each word of ccflags-y and EXTRA_CFLAGS
KERNELRELEASE := 6.1.0-tessera
src := $(M)
obj := $(M)

include $(KBUILD_FILE)

kbuild_objs = $(or $(strip $($(1)-objs) $($(1)-y)),$(1).o)
comma := ,
empty :=
space := $(empty) $(empty)

.PHONY: kbuild-list
kbuild-list:
	@echo $(foreach m,$(patsubst %.o,%,$(filter %.o,$(obj-m))), \
		mod:$(m)=$(subst $(space),$(comma),$(strip $(call kbuild_objs,$(m))))) \
		$(addprefix cflags:,$(ccflags-y) $(EXTRA_CFLAGS))
