# 12 KiB of __initdata: truncating the image to its core frees whole pages
memdiff save
insmod -v /lib/modules/bigdata.ko
# loaded, bigdata holds one page (its core) and one vmalloc range
memdiff
cat /mod/bigdata/status
cat /proc/modules
rmmod bigdata
memdiff
