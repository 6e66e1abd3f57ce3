# twenty small modules (tests/pack/tiny01..tiny20, cores of 384 to 1024 bytes) under modalloc=pack: /proc/modalloc counts the pages their images occupy (scenario modfs_pack_twenty and modfs_page_twenty compare the two policies); unloading them in a shuffled order frees every page
cat /proc/cmdline
memdiff save
insmod /extra/tiny01.ko
insmod /extra/tiny02.ko
insmod /extra/tiny03.ko
insmod /extra/tiny04.ko
insmod /extra/tiny05.ko
insmod /extra/tiny06.ko
insmod /extra/tiny07.ko
insmod /extra/tiny08.ko
insmod /extra/tiny09.ko
insmod /extra/tiny10.ko
insmod /extra/tiny11.ko
insmod /extra/tiny12.ko
insmod /extra/tiny13.ko
insmod /extra/tiny14.ko
insmod /extra/tiny15.ko
insmod /extra/tiny16.ko
insmod /extra/tiny17.ko
insmod /extra/tiny18.ko
insmod /extra/tiny19.ko
insmod /extra/tiny20.ko
cat /proc/modalloc
memdiff
# half of them out, in a shuffled order: a shared page stays while one module is left in it
rmmod tiny07 tiny15 tiny02 tiny19 tiny11 tiny04 tiny16 tiny09 tiny13 tiny01
cat /proc/modalloc
# the others, in another order; a new module fills a hole first
insmod /extra/tiny07.ko
cat /mod/tiny07/status
rmmod tiny18 tiny05 tiny12 tiny20 tiny03 tiny07 tiny10 tiny17 tiny06 tiny14 tiny08
cat /proc/modalloc
memdiff
# the boundary (tests/pack/edge4080, edge4081; --init=keep keeps each image whole): 4080 bytes + the 16-byte guard fill a region exactly; 4081 bytes are page-placed
insmod --init=keep /extra/edge4080.ko
insmod --init=keep /extra/edge4081.ko
cat /mod/edge4080/status
cat /mod/edge4081/status
cat /proc/modalloc
rmmod edge4080 edge4081
# truncated (the default) after init: the packed one gives its 144 init bytes back to the region, the page-placed one was placed by its 4081 bytes as mapped
insmod /extra/edge4080.ko
insmod /extra/edge4081.ko
cat /proc/modalloc
cat /mod/edge4081/status
rmmod edge4080 edge4081
memdiff
