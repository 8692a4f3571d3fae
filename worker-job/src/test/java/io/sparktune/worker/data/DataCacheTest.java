package io.sparktune.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparktune.worker.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An executor's cores asking for the same data at once get one copy of it, read once. */
class DataCacheTest {
    private static final int THREADS = 8;

    @TempDir
    Path dir;

    @Test
    void threadsStartingTogetherReadTheDataOnce() throws Exception {
        // copies, so that no other test of this JVM has cached this key
        Path images = Files.copy(FashionMnist.trainImages(), dir.resolve("images.gz"));
        Path labels = Files.copy(FashionMnist.trainLabels(), dir.resolve("labels.gz"));
        DataRef ref = DataRef.idx(images.toString(), labels.toString(), 3000);
        long readsBefore = DataCache.reads();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<LabeledData>> loads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                loads.add(pool.submit(() -> {
                    start.await();
                    return DataCache.load(ref);
                }));
            }
            start.countDown();
            LabeledData first = loads.get(0).get();
            for (Future<LabeledData> load : loads) {
                assertSame(first, load.get(), "one copy for every thread");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, DataCache.reads() - readsBefore, "reads of the data set by " + THREADS + " threads");
        assertEquals(3000, DataCache.load(ref).rows());
        assertEquals(1, DataCache.reads() - readsBefore, "a later request is served from the cache");
    }

    @Test
    void aFailedReadIsNotKept() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "x,y\n1,a\n");
        FileTime time = Files.getLastModifiedTime(file);
        DataRef ref = DataRef.csv(file.toString(), "y", 0, false, 0);
        assertThrows(InvalidDataException.class, () -> DataCache.load(ref), "regression needs numeric targets");
        Files.writeString(file, "x,y\n1,2\n");
        Files.setLastModifiedTime(file, time);
        assertEquals(2f, DataCache.load(ref).targets()[0], "read again under the same key");
    }
}
