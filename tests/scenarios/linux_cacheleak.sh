# hx_cacheleak exits without kmem_cache_destroy, one object still allocated: the kernel destroys the cache at unload, with a message; the kernel goes on
memdiff save
insmod /extra/hx_cacheleak.ko
rmmod hx_cacheleak
sleep 1
echo alive
memdiff
