# modules/initbug.c: a core pointer to an __init function (the build warned: KBUILD_MODPOST_WARN=1); insmod warns too and loads it
memdiff save
insmod -v /lib/modules/initbug.ko
cat /mod/initbug/status
# the call through the pointer, after the init part was discarded: a page fault in the page that held initbug_answer, contained to the read
cat /proc/initbug
echo alive
rmmod initbug
rmmod -f initbug
memdiff
cat /proc/tainted
