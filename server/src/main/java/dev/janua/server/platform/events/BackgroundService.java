package dev.janua.server.platform.events;

import org.springframework.context.SmartLifecycle;

/**
 * A bean that owns one {@link BackgroundWorker}: started when the application is ready to serve,
 * stopped before the database goes away on shutdown.
 */
public abstract class BackgroundService implements SmartLifecycle {
    private BackgroundWorker worker;

    /** Called once from the subclass constructor. */
    protected final BackgroundWorker runs(BackgroundWorker w) {
        this.worker = w;
        return w;
    }

    /** Asks for a pass now (new work arrived). */
    public void wake() {
        worker.wake();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
