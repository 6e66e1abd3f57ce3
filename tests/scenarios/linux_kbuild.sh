# tests/kbuild (make -C . M=tests/kbuild modules): kb_startstop from two files (NAME-objs), kb_parts from three (NAME-y); each file compiled with its module's KBUILD_MODNAME
memdiff save
insmod /extra/kb_startstop.ko
lsmod
rmmod kb_startstop
insmod /extra/kb_parts.ko
rmmod kb_parts
# kb-dash.c makes module kb_dash; rmmod takes kb-dash too
insmod /extra/kb-dash.ko
lsmod
rmmod kb-dash
memdiff
