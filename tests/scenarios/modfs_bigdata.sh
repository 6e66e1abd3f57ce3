# 12 KiB of __initdata: truncating the image to its core frees whole pages
memdiff save
insmod -v /lib/modules/bigdata.ko
# loaded, bigdata holds one page (its core) and one vmalloc range; the
# other pages are slab pages: its symbol table, and the slice of the
# kernel's page-to-module table (kernel/module.c) that holds its page
memdiff
cat /mod/bigdata/status
cat /proc/modules
rmmod bigdata
memdiff
