# 12 KiB of __initdata: truncating the image to its core frees whole pages
memdiff save
insmod -v /lib/modules/bigdata.ko
# loaded, bigdata holds one page (its core) and one vmalloc range; the
# other page is a slab page for its symbol table or the slice of the
# kernel's page-to-module table (kernel/module.c) that holds its page
# (a slab with room left by earlier allocations needs no new page)
memdiff
cat /mod/bigdata/status
cat /proc/modules
rmmod bigdata
memdiff
