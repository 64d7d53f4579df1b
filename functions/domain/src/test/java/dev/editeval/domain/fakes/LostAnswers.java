package dev.editeval.domain.fakes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port whose named write applies and then loses its answer, as a DynamoDB write does when the response never comes
 * back: either the SDK sends the same request again and the caller gets the second answer ({@link Mode#RETRIED}), or
 * the caller gets an error ({@link Mode#FAILED}) and the client retries the whole request. Once, on the first call.
 */
public final class LostAnswers {

    public enum Mode { RETRIED, FAILED }

    /** What a failed call throws: the error an SDK raises after its retries. */
    public static final class LostAnswerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostAnswerException(String method) {
            super("the answer to " + method + " was lost");
        }
    }

    private LostAnswers() {
    }

    public static <T> T of(Class<T> port, T real, String method, Mode mode) {
        AtomicInteger calls = new AtomicInteger();
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, called, args) -> {
            try {
                Object answer = called.invoke(real, args);
                if (!called.getName().equals(method) || calls.incrementAndGet() != 1) {
                    return answer;
                }
                if (mode == Mode.FAILED) {
                    throw new LostAnswerException(method);
                }
                return called.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return port.cast(proxy);
    }
}
