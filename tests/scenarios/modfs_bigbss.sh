# 256 KiB of .bss: not in the .ko (the read is small), zero-filled by insmod
memdiff save
insmod -v /lib/modules/bigbss.ko
# loaded: the core holds the 256 KiB array, 65 pages
memdiff
cat /mod/bigbss/status
rmmod bigbss
memdiff
