package io.sparktune.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sparktune.records.WorkerJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trials.jsonl}: one JSON {@link TrialRecord} per finished trial, appended and forced to disk before the
 * append returns. A torn last line (the process died mid-write) is skipped when reading.
 */
public final class TrialJournal implements AutoCloseable {
    public static final String FILE_NAME = "trials.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(TrialJournal.class);
    private final FileChannel channel;

    private TrialJournal(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens the journal for appending. A torn last line (the search was killed mid-write) is cut off first, so the
     * next record starts on a line of its own.
     */
    public static TrialJournal openForAppend(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE_NAME);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long completeLength = lengthOfCompleteLines(channel);
        if (completeLength < channel.size()) {
            LOG.warn(
                    "{}: cutting off a torn last line ({} bytes) left by an interrupted search",
                    file,
                    channel.size() - completeLength);
            channel.truncate(completeLength);
            channel.force(true);
        }
        channel.position(completeLength);
        return new TrialJournal(channel);
    }

    /** Length of the file up to and including its last newline. */
    private static long lengthOfCompleteLines(FileChannel channel) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long position = channel.size() - 1; position >= 0; position--) {
            one.clear();
            channel.read(one, position);
            if (one.get(0) == '\n') {
                return position + 1;
            }
        }
        return 0;
    }

    public synchronized void append(TrialRecord record) throws IOException {
        byte[] line = (WorkerJson.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** Every complete record in the run directory's journal, in the order written. */
    public static List<TrialRecord> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE_NAME);
        List<TrialRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(WorkerJson.mapper().readValue(line, TrialRecord.class));
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new IOException(
                            file + ": line " + (i + 1) + " is not a trial record: " + e.getOriginalMessage(), e);
                }
                LOG.warn("{}: ignoring a torn last line (the search was interrupted while writing it)", file);
            }
        }
        return records;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
