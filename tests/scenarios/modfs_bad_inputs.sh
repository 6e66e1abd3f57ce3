# every kind of broken module is refused with its reason; nothing is lost
memdiff save
insmod /extra/bad_truncated.ko
insmod /extra/bad_notelf.ko
insmod /extra/bad_class.ko
insmod /extra/bad_machine.ko
insmod /extra/bad_exec.ko
insmod /extra/bad_offset.ko
insmod /extra/bad_reloff.ko
insmod /extra/bad_relsym.ko
insmod /extra/bad_reltype.ko
insmod /extra/bad_gotpc.ko
insmod /extra/bad_hdrmagic.ko
insmod /extra/bad_coreinit.ko
insmod /extra/bad_initrelinfo.ko
insmod /extra/bad_modrelshort.ko
insmod /nope.ko
insmod /extra
ls /mod
memdiff
