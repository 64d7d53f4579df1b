package dev.editeval.domain.fakes;

import dev.editeval.domain.model.TaskRef;
import dev.editeval.domain.ports.RatingQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rating slots with SQS visibility driven by a clock: a received message is hidden until its lease runs out on that
 * clock, and every receive gives a new receipt handle. As SQS: at most ten messages a receive; a delete with a handle
 * that is not the latest succeeds and deletes nothing; a visibility change on a message that is not in flight under
 * that handle fails.
 */
public final class InMemoryRatingQueue implements RatingQueue {

    private static final int SQS_MAX_RECEIVE = 10;

    private static final class Message {
        private final TaskRef task;
        private Instant visibleAt;
        private String receiptHandle = "";

        private Message(TaskRef task, Instant visibleAt) {
            this.task = task;
            this.visibleAt = visibleAt;
        }
    }

    private final Clock clock;
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final List<TaskRef> sent = new ArrayList<>();
    private int nextId;
    private int nextReceipt;

    public InMemoryRatingQueue(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(TaskRef task, int slots) {
        for (int i = 0; i < slots; i++) {
            messages.put("m" + ++nextId, new Message(task, clock.instant()));
            sent.add(task);
        }
    }

    @Override
    public synchronized List<Slot> receive(int max, Duration lease) {
        Instant now = clock.instant();
        List<Slot> received = new ArrayList<>();
        for (Message message : messages.values()) {
            if (received.size() == Math.min(max, SQS_MAX_RECEIVE)) {
                break;
            }
            if (!message.visibleAt.isAfter(now)) {
                message.visibleAt = now.plus(lease);
                message.receiptHandle = "rh-" + ++nextReceipt;
                received.add(new Slot(message.task, message.receiptHandle));
            }
        }
        return received;
    }

    @Override
    public synchronized void giveBack(String receiptHandle) {
        inFlight(receiptHandle).visibleAt = clock.instant();
    }

    @Override
    public synchronized boolean extend(String receiptHandle, Duration lease) {
        Optional<Message> message = byLatestHandle(receiptHandle).map(messages::get)
                .filter(m -> m.visibleAt.isAfter(clock.instant()));
        message.ifPresent(m -> m.visibleAt = clock.instant().plus(lease));
        return message.isPresent();
    }

    @Override
    public synchronized void delete(String receiptHandle) {
        byLatestHandle(receiptHandle).ifPresent(id -> messages.remove(id));
    }

    /** Messages a receive would return now. */
    public synchronized List<TaskRef> visible() {
        Instant now = clock.instant();
        return messages.values().stream().filter(m -> !m.visibleAt.isAfter(now)).map(m -> m.task).toList();
    }

    /** Messages received and not yet visible again. */
    public synchronized List<TaskRef> inFlight() {
        Instant now = clock.instant();
        return messages.values().stream().filter(m -> m.visibleAt.isAfter(now)).map(m -> m.task).toList();
    }

    /** Every message still in the queue, visible or not. */
    public synchronized List<TaskRef> all() {
        return messages.values().stream().map(m -> m.task).toList();
    }

    /** Every slot ever sent, one entry per message. */
    public synchronized List<TaskRef> sent() {
        return List.copyOf(sent);
    }

    private Message inFlight(String receiptHandle) {
        Message message = byLatestHandle(receiptHandle).map(messages::get).orElseThrow(
                () -> new IllegalStateException("ReceiptHandleIsInvalid: " + receiptHandle));
        if (!message.visibleAt.isAfter(clock.instant())) {
            throw new IllegalStateException("MessageNotInflight: " + receiptHandle);
        }
        return message;
    }

    private Optional<String> byLatestHandle(String receiptHandle) {
        return messages.entrySet().stream()
                .filter(e -> !receiptHandle.isEmpty() && e.getValue().receiptHandle.equals(receiptHandle))
                .map(Map.Entry::getKey).findFirst();
    }
}
